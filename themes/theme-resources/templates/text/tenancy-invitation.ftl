<#ftl output_format="plainText">
<#if inviterName?has_content>
${msg("tenancyInvitationMailIntro", inviterName, tenantName, realmName)}
<#else>
${msg("tenancyInvitationMailIntroNoInviter", tenantName, realmName)}
</#if>
<#if roles?has_content>

${msg("tenancyInvitationMailRoles", roles?join(", "))}
</#if>

${msg("tenancyInvitationMailAction")}: ${link}

${msg("tenancyInvitationMailExpiry", expiry)}

${msg("tenancyInvitationMailIgnore")}
