using Scalar.AspNetCore;

namespace ThiDua.Web.Infrastructure;

/// <summary>
/// The browser-side defences sent with every response — pages, API, static files, downloads and error pages alike.
/// The pages carry no inline script, event handler or style attribute (a test scans the .cshtml files), so the policy
/// allows only files of this origin: text injected into a page cannot run.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Every powerful browser feature off: no page of ThiDua uses the camera, the microphone, the location or payments.
    /// </summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), " +
        "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), " +
        "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    /// <summary>
    /// The interactive API page (Scalar, <see cref="ApiDocs"/>) differs in two points only: its one inline script, which
    /// starts the page, carries a fresh nonce, and its components inject style elements. It still loads nothing, fonts
    /// included, from another origin. (Its bundle probes whether eval works and goes on without it.)
    /// </summary>
    public static string ApiDocsPolicy(string nonce) => ContentSecurityPolicy
        .Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
        .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set when the headers go out, not now: the exception handler clears the headers of a failed response.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
                    ? ApiDocsPolicy(nonce)
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
