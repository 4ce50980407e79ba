<#-- The page an invitation link opens: what the invitation is, then the same choices for everyone — sign
     in with an existing account, or create one — and Decline. It never depends on whether the invited
     address has an account (that would tell anyone holding the link). Ships as a theme resource: works in every login theme. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("tenancyInvitationHeader", tenancyInvitation.tenantName)}
    <#elseif section = "form">
        <div id="tenancy-invitation" class="tenancy-invitation">
            <p id="tenancy-invitation-summary">
                <#if tenancyInvitation.inviterName?has_content>
                    ${msg("tenancyInvitationSummary", tenancyInvitation.inviterName, tenancyInvitation.tenantName)}
                <#else>
                    ${msg("tenancyInvitationSummaryNoInviter", tenancyInvitation.tenantName)}
                </#if>
            </p>
            <dl class="tenancy-invitation-facts">
                <dt>${msg("tenancyInvitationEmail")}</dt>
                <dd id="tenancy-invitation-email">${tenancyInvitation.email}</dd>
                <#if tenancyInvitation.roles?has_content>
                    <dt>${msg("tenancyInvitationRoles")}</dt>
                    <dd id="tenancy-invitation-roles">${tenancyInvitation.roles?join(", ")}</dd>
                </#if>
                <dt>${msg("tenancyInvitationExpires")}</dt>
                <dd id="tenancy-invitation-expires">${tenancyInvitation.expiresAt}</dd>
            </dl>
        </div>

        <form id="tenancy-invitation-form" class="${properties.kcFormClass!}" action="${tenancyActionUrl}" method="post">
            <input type="hidden" name="token" value="${tenancyToken}"/>
            <p>${msg("tenancyInvitationChooseHint")}</p>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!}">
                    <button type="submit" id="tenancy-sign-in" name="action" value="sign-in" formnovalidate
                            class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyInvitationDoSignIn")}</button>
                </div>
            </div>
            <p>${msg("tenancyInvitationRegisterHint")}</p>
            <div class="${properties.kcFormGroupClass!}">
                <label for="email" class="${properties.kcLabelClass!}">${msg("email")}</label>
                <span class="${properties.kcInputClass!} pf-m-readonly">
                    <input type="email" id="email" name="email" value="${tenancyInvitation.email}" readonly aria-readonly="true"/>
                </span>
            </div>
            <#if !registrationEmailAsUsername>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="username" class="${properties.kcLabelClass!}">${msg("username")}</label>
                    <span class="${properties.kcInputClass!}">
                        <input type="text" id="username" name="username" value="${tenancyForm.username}" autocomplete="username" required/>
                    </span>
                </div>
            </#if>
            <div class="${properties.kcFormGroupClass!}">
                <label for="firstName" class="${properties.kcLabelClass!}">${msg("firstName")}</label>
                <span class="${properties.kcInputClass!}">
                    <input type="text" id="firstName" name="firstName" value="${tenancyForm.firstName}" autocomplete="given-name"/>
                </span>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="lastName" class="${properties.kcLabelClass!}">${msg("lastName")}</label>
                <span class="${properties.kcInputClass!}">
                    <input type="text" id="lastName" name="lastName" value="${tenancyForm.lastName}" autocomplete="family-name"/>
                </span>
            </div>
            <#if tenancyPasswordAtRegistration>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="password" class="${properties.kcLabelClass!}">${msg("password")}</label>
                    <span class="${properties.kcInputClass!}">
                        <input type="password" id="password" name="password" autocomplete="new-password" required/>
                    </span>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="password-confirm" class="${properties.kcLabelClass!}">${msg("passwordConfirm")}</label>
                    <span class="${properties.kcInputClass!}">
                        <input type="password" id="password-confirm" name="password-confirm" autocomplete="new-password" required/>
                    </span>
                </div>
            <#else>
                <p id="tenancy-setup-mail-hint">${msg("tenancyInvitationSetupMailHint")}</p>
            </#if>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!}">
                    <button type="submit" id="tenancy-register" name="action" value="register"
                            class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyInvitationDoRegister")}</button>
                    <button type="submit" id="tenancy-decline" name="action" value="decline" formnovalidate
                            class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("tenancyInvitationDoDecline")}</button>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
