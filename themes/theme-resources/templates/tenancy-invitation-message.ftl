<#-- Why an invitation link cannot be used, or what became of it. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg(tenancyTitle)}
    <#elseif section = "form">
        <div id="tenancy-invitation-message" class="${properties.kcFormGroupClass!}">
            <p id="tenancy-invitation-reason">${msg(tenancyMessage)}</p>
        </div>
    </#if>
</@layout.registrationLayout>
