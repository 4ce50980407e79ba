<#-- Why an invitation link cannot be used, or what became of it. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg(tenancyTitle)}
    <#elseif section = "form">
        <div id="tenancy-invitation-message" class="${properties.kcFormGroupClass!}">
            <p id="tenancy-invitation-reason"><#if tenancyMessageParameter??>${msg(tenancyMessage, tenancyMessageParameter)}<#else>${msg(tenancyMessage)}</#if></p>
            <#if tenancyDropped??>
                <#if tenancyDropped.roles?has_content>
                    <p id="tenancy-dropped-roles">${msg("tenancyInvitationDroppedRoles", tenancyDropped.roles?join(", "))}</p>
                </#if>
                <#if tenancyDropped.groups?has_content>
                    <p id="tenancy-dropped-groups">${msg("tenancyInvitationDroppedGroups", tenancyDropped.groups?join(", "))}</p>
                </#if>
            </#if>
            <#if tenancyContinueUrl??>
                <p><a id="tenancy-continue" href="${tenancyContinueUrl}" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyInvitationDoContinue")}</a></p>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
