<#-- Keycloak's organization picker (shown when a client asks for the "organization" scope and the user is in
     several), restyled as a tenant list. The field name "kc.org" and the values are Keycloak's own. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("tenancySelectTenantTitle")}
    <#elseif section = "form">
        <form id="tenancy-select-tenant" action="${url.loginAction}" class="${properties.kcFormClass!}" method="post">
            <p>${msg("tenancySelectTenantHint")}</p>
            <ul id="kc-user-organizations" class="tenancy-tenant-list">
                <#list user.organizations as organization>
                    <li>
                        <button type="submit" id="organization-${organization.alias}" name="kc.org" value="${organization.alias!}"
                                class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">
                            <span class="tenancy-tenant-name">${organization.name!organization.alias}</span>
                            <span class="tenancy-tenant-alias">${organization.alias!}</span>
                        </button>
                    </li>
                </#list>
            </ul>
        </form>
    </#if>
</@layout.registrationLayout>
