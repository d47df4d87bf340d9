using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ThiDua.Web.Infrastructure.Security;

/// <summary>
/// Limits on what an anonymous caller can repeat (configuration section <c>RateLimits</c>; defaults below, reasons in
/// docs/security.md): password attempts per address, and anonymous comments on public notices per address. Failed
/// attempts per account are counted by <see cref="SignInThrottle"/>. The counters live in each instance's memory.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and token requests (POST) one address may send per minute.</summary>
    public int SignInsPerAddressPerMinute { get; set; } = 10;

    /// <summary>Failed sign-ins one account may have in <see cref="FailedSignInWindowMinutes"/> before further tries wait.</summary>
    public int FailedSignInsPerAccount { get; set; } = 10;

    public int FailedSignInWindowMinutes { get; set; } = 15;

    /// <summary>Anonymous comments on public notices one address may send in <see cref="PublicCommentWindowMinutes"/>.</summary>
    public int PublicCommentsPerAddress { get; set; } = 5;

    public int PublicCommentWindowMinutes { get; set; } = 10;

    /// <summary>PDFs one address may send to the public verification (page or API) per minute: each is read whole and checked.</summary>
    public int PublicVerificationsPerAddressPerMinute { get; set; } = 30;
}

public static class RateLimits
{
    /// <summary>The login page's POST, <c>POST /api/v1/auth/token</c> and <c>/api/v1/auth/refresh</c>.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Anonymous comments on a public notice.</summary>
    public const string PublicComment = "public-comment";

    /// <summary>Uploads to the public signature verification.</summary>
    public const string PublicVerify = "public-verify";

    public static IServiceCollection AddThiDuaRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddSingleton(settings);
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(SignIn, context => PerAddress(context, settings.SignInsPerAddressPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(PublicComment, context => PerAddress(context, settings.PublicCommentsPerAddress, TimeSpan.FromMinutes(settings.PublicCommentWindowMinutes)));
            options.AddPolicy(PublicVerify, context => PerAddress(context, settings.PublicVerificationsPerAddressPerMinute, TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    /// <summary>Only writes count: the login form's GET and the notice pages stay free.</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext context, int permits, TimeSpan window)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        await WriteTooManyAsync(context, wait);
    }

    /// <summary>429 with Retry-After: a ProblemDetails for the API, the Vietnamese error page for pages.</summary>
    public static async Task WriteTooManyAsync(HttpContext context, TimeSpan wait)
    {
        var seconds = SetRetryAfter(context.Response, wait);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // The status code page re-executes /loi/429 with its Vietnamese message.
            return;
        }
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Quá nhiều yêu cầu",
                Detail = $"Bạn đã gửi quá nhiều yêu cầu; hãy thử lại sau {Minutes(seconds)}.",
            },
        });
    }

    /// <summary>Sets <c>Retry-After</c> to the wait in whole seconds (at least one) and returns them.</summary>
    public static int SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    public static string Minutes(int seconds) => seconds < 60 ? $"{seconds} giây" : $"{(seconds + 59) / 60} phút";
}
