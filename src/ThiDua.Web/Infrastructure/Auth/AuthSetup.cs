using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using ThiDua.Core.Accounts;
using ThiDua.Data.Accounts;

namespace ThiDua.Web.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>Chooses the bearer token for API clients that send one and the cookie for everyone else.</summary>
    public const string SmartScheme = "ThiDua";

    /// <summary>How soon a password change or a locked account ends the account's cookies and tokens.</summary>
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddThiDuaAuth(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                // Failed passwords do not lock accounts (SignInThrottle counts them instead); lockout is how the
                // administrator disables an account (UserService.SetLockedAsync).
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<ThiDuaDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordClassesValidator<ApplicationUser>>()
            .AddClaimsPrincipalFactory<ThiDuaClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultAuthenticateScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
                options.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", options =>
                options.ForwardDefaultSelector = context =>
                    SendsBearer(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            // Identity's own opaque bearer tokens, protected with the Data Protection keys kept in the database,
            // so every app instance can read every token (DESIGN.md, scale-out path).
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(8));

        // The app's clock (tests move it); Identity would otherwise read the system clock here.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) =>
        {
            options.ValidationInterval = SessionCheckInterval;
            options.TimeProvider = clock;
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);
        services.AddScoped<Features.Accounts.AccountSignIn>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/dang-nhap";
            options.LogoutPath = "/dang-xuat";
            options.AccessDeniedPath = "/loi/403";
            options.Cookie.Name = "thidua.auth";
            options.Cookie.HttpOnly = true;
            // Its Secure flag is set with the other cookies' in WebHardening: over HTTPS, and always in Production.
            // Strict: a cross-site page cannot make the browser call the API with this cookie.
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorization(Policies.Add);
        services.AddSingleton<IAuthorizationHandler, UnitScopeHandler>();
        services.AddScoped<CurrentUser>();
        return services;
    }

    public static bool SendsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The API answers 401/403 with a status; only pages are redirected to the login page.</summary>
    private static Task ApiOrRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
