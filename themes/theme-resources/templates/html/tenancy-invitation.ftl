<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>
<#if inviterName?has_content>
    ${msg("tenancyInvitationMailIntro", inviterName, tenantName, realmName)}
<#else>
    ${msg("tenancyInvitationMailIntroNoInviter", tenantName, realmName)}
</#if>
</p>
<#if roles?has_content>
<p>${msg("tenancyInvitationMailRoles", roles?join(", "))}</p>
</#if>
<p><a href="${link}">${msg("tenancyInvitationMailAction")}</a></p>
<p>${msg("tenancyInvitationMailExpiry", expiry)}</p>
<p>${msg("tenancyInvitationMailIgnore")}</p>
</@layout.emailLayout>
