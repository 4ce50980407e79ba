<#-- The last step of the login an invitation link starts (required action tenancy-accept-invitation). -->
<#import "template.ftl" as layout>
<#macro dropped>
    <div id="tenancy-invitation-dropped">
        <p>${msg("tenancyInvitationAcceptedWithChanges")}</p>
        <#if tenancyDropped.roles?has_content>
            <p id="tenancy-dropped-roles">${msg("tenancyInvitationDroppedRoles", tenancyDropped.roles?join(", "))}</p>
        </#if>
        <#if tenancyDropped.groups?has_content>
            <p id="tenancy-dropped-groups">${msg("tenancyInvitationDroppedGroups", tenancyDropped.groups?join(", "))}</p>
        </#if>
    </div>
</#macro>

<@layout.registrationLayout; section>
    <#if section = "header">
        <#if tenancyState == "ended">
            ${msg(tenancyTitle)}
        <#elseif tenancyState == "acceptedWithChanges">
            ${msg("tenancyInvitationAcceptedTitle")}
        <#else>
            ${msg("tenancyInvitationHeader", tenancyInvitation.tenantName)}
        </#if>
    <#elseif section = "form">
        <form id="tenancy-confirm-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if tenancyState == "ended">
                <p id="tenancy-invitation-reason">${msg(tenancyMessage)}</p>
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormActionGroupClass!}">
                        <button type="submit" id="tenancy-continue" name="action" value="continue"
                                class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyInvitationDoContinue")}</button>
                    </div>
                </div>
            <#elseif tenancyState == "acceptedWithChanges">
                <@dropped/>
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormActionGroupClass!}">
                        <button type="submit" id="tenancy-continue" name="action" value="continue"
                                class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyInvitationDoContinue")}</button>
                    </div>
                </div>
            <#elseif tenancyState == "wrongAccount">
                <div class="${properties.kcAlertClass!} pf-m-warning" id="tenancy-wrong-account">
                    <p class="${properties.kcAlertTitleClass!}">${msg("tenancyInvitationWrongAccount", tenancyInvitation.email, tenancySignedInAs)}</p>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormActionGroupClass!}">
                        <button type="submit" id="tenancy-continue" name="action" value="continue"
                                class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyInvitationDoContinueWithout")}</button>
                    </div>
                </div>
            <#else>
                <p id="tenancy-invitation-summary">
                    <#if tenancyInvitation.inviterName?has_content>
                        ${msg("tenancyInvitationSummary", tenancyInvitation.inviterName, tenancyInvitation.tenantName)}
                    <#else>
                        ${msg("tenancyInvitationSummaryNoInviter", tenancyInvitation.tenantName)}
                    </#if>
                </p>
                <#if tenancyInvitation.roles?has_content>
                    <p>${msg("tenancyInvitationRoles")}: <span id="tenancy-invitation-roles">${tenancyInvitation.roles?join(", ")}</span></p>
                </#if>
                <p>${msg("tenancyInvitationSignedInAs", tenancySignedInAs)}</p>
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormActionGroupClass!}">
                        <button type="submit" id="tenancy-accept" name="action" value="accept"
                                class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyInvitationDoAccept")}</button>
                        <button type="submit" id="tenancy-decline" name="action" value="decline"
                                class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyInvitationDoDecline")}</button>
                    </div>
                </div>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
