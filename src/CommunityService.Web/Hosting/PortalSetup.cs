using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Web.Demo;
using CommunityService.Web.Features.Cases;
using CommunityService.Web.Features.Decisions;
using CommunityService.Web.Features.Notices;
using CommunityService.Web.Features.Privacy;
using CommunityService.Web.Features.SignUps;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommunityService.Web.Hosting;

public static class PortalSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static void AddCommunityServicePortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // No "Server: Kestrel": it tells a prober what to try and nobody else anything.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.AddCommunityServiceDatabase();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PortalTime>();
        // Chinese text as characters, not &#x...; entities: a third of the bytes, same safety (<, >, &, quotes still encoded).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.AddPortalSecurity();
        services.AddPortalLocalization();
        services.AddPortalMvc();

        PublicUrls.Register(services, builder.Configuration);
        services.AddPublicCaching();
        // After the output cache: a Redis store, when configured, replaces the in-memory one.
        services.AddScaleOut(builder.Configuration);
        services.AddMemoryCache();
        services.AddScoped<AuditTrail>();
        services.AddHealthChecks().AddDbContextCheck<CommunityServiceDbContext>("database", tags: ["ready"]);
        services.AddScoped<RoleSeeder>();
        // The protectors of sensitive fields that several features read: a home-visit request's need, a resident's special-group facts.
        services.AddSingleton<HomeVisitNeedProtector>().AddSingleton<ResidentFactsProtector>();

        // The features that have services of their own register them in their folders.
        services.AddCases().AddDecisions().AddNotices().AddSignUps(builder.Configuration).AddPrivacy(builder.Configuration);
        services.AddDemo();
    }

    /// <summary>Identity (accounts, passwords, lockout), its cookies, Data Protection, antiforgery and the authorization policies.</summary>
    private static void AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<CommunityServiceDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSignInRateLimit(builder.Configuration);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = builder.Environment.IsDevelopment() ? "cs.auth" : "__Host-cs.auth";
            // Path=/ even under Portal:PathBase (the default would be the path base): a __Host- cookie must have Path=/.
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToAccessDenied = async context =>
            {
                await AuditTrail.RecordRefusalAsync(context.HttpContext);
                context.Response.Redirect(context.RedirectUri);
            };
        });
        builder.AddPortalDataProtection();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = builder.Environment.IsDevelopment() ? "cs.af" : "__Host-cs.af";
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        builder.AddPortalDataProtection();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = builder.Environment.IsDevelopment() ? "cs.af" : "__Host-cs.af";
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddAuthorization(Policies.Configure);
        services.AddSingleton<IAuthorizationHandler, WorksInCommunityHandler>();
        services.AddScoped<IAuthorizationHandler, CaseAccessHandler>();
    }

    /// <summary>Chinese first, English second: the shared string table (cached), the request culture from a cookie or the query.</summary>
    private static void AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, CachedStringLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // zh-CN unless the visitor chose otherwise: the switcher's cookie, or ?culture= for links.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
    }

    /// <summary>Controllers and views from the feature folders, with the portal's filters, binders and validators.</summary>
    private static void AddPortalMvc(this IServiceCollection services)
    {
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<ControlCharacterFilter>();
                o.Filters.Add<ConcurrencyConflicts>();
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.ModelMetadataDetailsProviders.Add(new RequiredMessageProvider());
                o.ModelMetadataDetailsProviders.Add(new EmptyStringsStayEmpty());
                o.ModelBinderProviders.Insert(0, new InvalidBooleansBindFalse());
                // The address decides which record an action works on: a posted field named like a route value
                // (id, projectId) must not override it, so route values are read before form fields.
                var route = o.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.RouteValueProviderFactory>().Single();
                o.ValueProviderFactories.Remove(route);
                o.ValueProviderFactories.Insert(0, route);
            })
            .AddRazorOptions(o => o.ViewLocationExpanders.Add(new FeatureViewLocationExpander()))
            .AddViewLocalization()
            // The implicit "required" of non-nullable numbers gets its message from the shared table too.
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        QuietTempData.Register(services);

        ValidatorOptions.Global.LanguageManager.Enabled = true;
        services.AddValidatorsFromAssemblyContaining<SharedResource>();
        services.AddFluentValidationClientsideAdapters();
    }

    public static void UseCommunityServicePortal(this WebApplication app)
    {
        // Before the path base: with Portal:PathBase, WebApplication routes right after UsePathBase, and HEAD must be a GET by then.
        app.UseHeadAsGet();
        // Before all else: behind a proxy that passes Portal:PathBase through, routing, static files and links see the prefix.
        var pathBase = app.Services.GetRequiredService<IOptions<PortalAddressOptions>>().Value.NormalizedPathBase;
        if (pathBase.HasValue)
        {
            app.UsePathBase(pathBase);
        }
        // First: everything after it (HSTS, secure cookies, the sign-in rate limit) sees the client, not the proxy.
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.LogKeyRingProtection();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestLocalization();
        app.UseFingerprintedStaticFiles();
        app.UseControlCharacterRule();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseNoCompressionForSignedIn();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapControllers();
        // Unknown addresses are a plain 404 for everyone, not a sign-in prompt from the fallback policy.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
    }

    /// <summary>
    /// The command-line commands that do their work and exit instead of serving: <c>--apply-retention</c> (see
    /// <see cref="Retention"/>), then seeding and <c>--create-admin</c> (<see cref="SeedIfAskedAsync"/>).
    /// </summary>
    public static async Task<bool> RunCommandIfAskedAsync(this WebApplication app, string[] args) =>
        await app.ApplyRetentionIfAskedAsync(args) || await app.SeedIfAskedAsync(args);

    /// <summary>
    /// Roles always; demo data in Development or with --seed-demo (never in Production);
    /// <c>--create-admin NAME</c> makes the first administrator (password from COMMUNITYSERVICE_ADMIN_PASSWORD) and exits.
    /// Returns true when the process should exit instead of serving.
    /// </summary>
    public static async Task<bool> SeedIfAskedAsync(this WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedAsync();
#if BENCH
        if (args.Contains(CommunityService.Web.Bench.Baseline.BenchCommand.Flag))
        {
            await CommunityService.Web.Bench.Baseline.BenchCommand.RunAsync(app, scope.ServiceProvider, args);
            return true;
        }
#endif
        var createAdmin = Array.IndexOf(args, "--create-admin");
        if (createAdmin >= 0)
        {
            var name = createAdmin + 1 < args.Length ? args[createAdmin + 1] : "";
            var password = Environment.GetEnvironmentVariable("COMMUNITYSERVICE_ADMIN_PASSWORD") ?? "";
            var result = await scope.ServiceProvider.GetRequiredService<RoleSeeder>().CreateAdminAsync(name, password);
            app.Logger.LogInformation("--create-admin {Name}: {Result}", name, result);
            Environment.ExitCode = result == "created" ? 0 : 1;
            return true;
        }
        var asked = args.Contains("--seed-demo");
        var seedOnly = args.Contains("--seed-only");
        if (asked || app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            if (app.Environment.IsProduction())
            {
                app.Logger.LogError("Demo data is never created in Production.");
                return seedOnly;
            }
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }
        return seedOnly;
    }
}

/// <summary>Model binding's own messages ("the value is not valid") in the reader's language.</summary>
internal sealed class LocalizedModelBindingMessages(IStringLocalizer<SharedResource> localizer)
    : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => localizer["The value '{0}' is not valid.", v]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => localizer["The value '{0}' is not valid.", v]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => localizer["The value '{0}' is not valid.", v]);
        m.SetValueMustBeANumberAccessor(f => localizer["Please enter a number."]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Please enter a number."]);
        m.SetMissingBindRequiredValueAccessor(f => localizer["This field is required."]);
        m.SetMissingKeyOrValueAccessor(() => localizer["This field is required."]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => localizer["This field is required."]);
        m.SetValueMustNotBeNullAccessor(v => localizer["This field is required."]);
        m.SetUnknownValueIsInvalidAccessor(f => localizer["The value is not valid."]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["The value is not valid."]);
    }
}
