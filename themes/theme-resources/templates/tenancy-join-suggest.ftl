<#-- After sign-in, for a tenant whose join policy is "suggest" (required action tenancy-join-by-domain). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        <#if tenancyState == "requested">
            ${msg("tenancyJoinRequestedHeader")}
        <#else>
            ${msg("tenancyJoinSuggestHeader", tenancyTenantName)}
        </#if>
    <#elseif section = "form">
        <form id="tenancy-join-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if tenancyState == "requested">
                <p id="tenancy-join-requested">${msg("tenancyJoinRequested", tenancyTenantName)}</p>
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormActionGroupClass!}">
                        <button type="submit" id="tenancy-join-continue" name="action" value="continue"
                                class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyJoinDoContinue")}</button>
                    </div>
                </div>
            <#else>
                <p id="tenancy-join-summary">${msg("tenancyJoinSuggestSummary", tenancySignedInAs, tenancyTenantName)}</p>
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormActionGroupClass!}">
                        <button type="submit" id="tenancy-join-request" name="action" value="request"
                                class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyJoinDoRequest")}</button>
                        <button type="submit" id="tenancy-join-decline" name="action" value="decline"
                                class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyJoinDoDecline")}</button>
                    </div>
                </div>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
