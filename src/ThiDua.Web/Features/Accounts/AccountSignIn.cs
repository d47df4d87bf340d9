using Microsoft.AspNetCore.Identity;
using ThiDua.Data.Accounts;
using ThiDua.Web.Infrastructure.Security;

namespace ThiDua.Web.Features.Accounts;

/// <summary>The outcome of a password check: the user, or a refusal, or a wait imposed by the throttle.</summary>
public sealed record SignInCheck(ApplicationUser? User, TimeSpan? Wait)
{
    public bool Passed => User is not null;
}

/// <summary>
/// One password check for the login page and the token endpoint. A wrong password, an unknown name and a locked or
/// disabled account get the same words (<see cref="Refused"/>) and about the same time, so the answer never tells
/// whether an account exists.
/// </summary>
public sealed class AccountSignIn(SignInManager<ApplicationUser> signIn, SignInThrottle throttle)
{
    public const string Refused = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khoá.";

    /// <summary>A hash to verify against when the name is unknown, so that answer takes as long as a wrong password.</summary>
    private static readonly ApplicationUser Unknown = new() { FullName = "" };

    /// <summary>Made once by the configured hasher, so verifying against it costs what a real account's check costs.</summary>
    private static string? _unknownUserHash;

    public static string Throttled(TimeSpan wait) =>
        $"Đã đăng nhập sai quá nhiều lần; hãy thử lại sau {RateLimits.Minutes((int)Math.Ceiling(wait.TotalSeconds))}.";

    public async Task<SignInCheck> CheckAsync(string userName, string password)
    {
        var name = userName.Trim();
        if (throttle.IsBlocked(name, out var wait))
        {
            return new SignInCheck(null, wait);
        }
        var user = await signIn.UserManager.FindByNameAsync(name);
        if (user is null)
        {
            var hasher = signIn.UserManager.PasswordHasher;
            hasher.VerifyHashedPassword(Unknown, _unknownUserHash ??= hasher.HashPassword(Unknown, Guid.NewGuid().ToString()), password);
        }
        // Identity's lockout on failures is off (lockoutOnFailure: false): the throttle counts failures instead.
        // A locked (disabled) account still fails here, with the same words.
        else if ((await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false)).Succeeded)
        {
            return new SignInCheck(user, null);
        }
        throttle.Failed(name);
        return new SignInCheck(null, null);
    }
}
