using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ThiDua.Data.Accounts;

namespace ThiDua.Web.Infrastructure.Auth;

/// <summary>
/// A bearer token carries the account's security stamp of the moment it was issued. Identity checks the cookie's stamp
/// (every <see cref="AuthSetup.SessionCheckInterval"/>) but not a token's, so a token would outlive a password change or
/// a locked account by hours; this does the same check for tokens: a token whose stamp is no longer the account's, or
/// whose account is locked, is treated as no token at all (401). One database read per account and minute at most.
/// </summary>
public sealed class BearerSessionCheck(RequestDelegate next, TimeProvider clock)
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    /// <summary>Per user id: the stamp last found valid or invalid, and when.</summary>
    private readonly ConcurrentDictionary<string, (string? Stamp, bool Current, DateTimeOffset CheckedAt)> _checked = new();

    public async Task InvokeAsync(HttpContext context, SignInManager<ApplicationUser> signIn)
    {
        if (context.User.Identity?.IsAuthenticated == true && AuthSetup.SendsBearer(context.Request)
            && !await IsCurrentAsync(context.User, signIn))
        {
            context.User = Nobody;
        }
        await next(context);
    }

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, SignInManager<ApplicationUser> signIn)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var stamp = principal.FindFirstValue(signIn.Options.ClaimsIdentity.SecurityStampClaimType);
        var now = clock.GetUtcNow();
        if (_checked.TryGetValue(id, out var known) && known.Stamp == stamp && now - known.CheckedAt < AuthSetup.SessionCheckInterval)
        {
            return known.Current;
        }
        var user = await signIn.ValidateSecurityStampAsync(principal);
        var current = user is not null && !await signIn.UserManager.IsLockedOutAsync(user);
        _checked[id] = (stamp, current, now);
        return current;
    }
}
