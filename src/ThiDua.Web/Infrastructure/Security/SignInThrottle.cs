using System.Threading.RateLimiting;

namespace ThiDua.Web.Infrastructure.Security;

/// <summary>
/// Failed sign-ins per account name (known or not, so the answer never tells which names exist), over a sliding
/// window. It replaces Identity's lockout on failures: a lockout let anyone lock anyone out for 15 minutes with five
/// wrong passwords and stayed in the database; this waits only as long as the window, and the per-address limit
/// (<see cref="RateLimits.SignIn"/>) keeps one address from trying many accounts.
/// </summary>
public sealed class SignInThrottle(RateLimitSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetSlidingWindowLimiter(name, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = settings.FailedSignInsPerAccount,
            Window = TimeSpan.FromMinutes(settings.FailedSignInWindowMinutes),
            SegmentsPerWindow = settings.FailedSignInWindowMinutes,
            QueueLimit = 0,
        }));

    /// <summary>True while the account has used up its failures; <paramref name="wait"/> says for how long.</summary>
    public bool IsBlocked(string userName, out TimeSpan wait)
    {
        // Asking for zero permits tells whether any are left without spending one.
        using var lease = _failures.AttemptAcquire(Key(userName), 0);
        wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        return !lease.IsAcquired;
    }

    public void Failed(string userName) => _failures.AttemptAcquire(Key(userName)).Dispose();

    private static string Key(string userName) => userName.Trim().ToUpperInvariant();

    public void Dispose() => _failures.Dispose();
}
