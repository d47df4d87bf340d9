using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;

namespace ThiDua.Web.Infrastructure;

/// <summary>
/// Transport and cookie settings that differ between a developer's machine and a server: HTTPS only in Production,
/// proxies trusted only when the configuration names them, no server banner, cookies Secure over HTTPS, pages and
/// static files compressed (ADR 018).
/// </summary>
public static class WebHardening
{
    public const string ReverseProxySection = "ReverseProxy";

    public static WebApplicationBuilder AddWebHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

        // Over HTTPS the cookies are Secure; in Production always, so a misconfigured proxy cannot make them travel in clear.
        var secure = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.ConfigureApplicationCookie(options => options.Cookie.SecurePolicy = secure);
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = secure);
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = secure);

        // No page uses client-side validation (there is no jQuery); left on, an empty validation summary still carries
        // its client placeholder <li style="display:none">, an inline style the policy refuses.
        services.Configure<MvcViewOptions>(options => options.HtmlHelperOptions.ClientValidationEnabled = false);

        var (proxies, networks) = TrustedProxies(builder.Configuration.GetSection(ReverseProxySection));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; a header is believed only from a proxy the operator listed.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        // Over HTTPS too: no page holds a secret that a cross-site request could probe (ADR 018, BREACH).
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "text/csv"]);
        });
        return builder;
    }

    public static WebApplication UseWebHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        // Pages, static files and the open data; not the signed-in API, whose token answer is the one secret worth
        // guessing byte by byte (ADR 018).
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api/v1"), pages => pages.UseResponseCompression());
        return app;
    }

    /// <summary>Read at start, so a mistyped address stops the start with the setting's name instead of trusting nobody silently.</summary>
    private static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks) TrustedProxies(IConfigurationSection section)
    {
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? [])
            .Select(text => IPAddress.TryParse(text, out var address) ? address
                : throw new InvalidOperationException($"{ReverseProxySection}:KnownProxies: \"{text}\" is not an IP address."))
            .ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            .Select(text => System.Net.IPNetwork.TryParse(text, out var network) ? network
                : throw new InvalidOperationException($"{ReverseProxySection}:KnownNetworks: \"{text}\" is not a network such as 10.0.0.0/8."))
            .ToList();
        return (proxies, networks);
    }
}
