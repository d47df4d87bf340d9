using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using ThiDua.Data.Accounts;
using ThiDua.Web.Infrastructure.Security;

namespace ThiDua.Web.Features.Accounts;

/// <summary><c>POST /api/v1/auth/token</c> for API clients and user administration (API.md).</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Accounts").RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.SignIn);
        auth.MapPost("/token", Token).Answers(StatusCodes.Status401Unauthorized)
            .WithSummary("Exchanges user name and password for a bearer token {accessToken, tokenType, expiresIn, refreshToken}. Wrong credentials, an unknown name or a locked account: 401 with the same words; too many tries: 429 with Retry-After.");
        auth.MapPost("/refresh", Refresh).Answers(StatusCodes.Status401Unauthorized)
            .WithSummary("Exchanges a refresh token for a new token pair; refused (401) once the password changed or the account was locked.");

        var users = app.MapGroup("/api/v1/users").WithTags("Accounts");
        users.MapPost("/", Create).RequireAuthorization(Policies.Admin);
        users.MapGet("/", List).RequireAuthorization(Policies.Admin);
        users.MapGet("/me", Me).RequireAuthorization(Policies.SignedIn);
        users.MapPost("/me/password", ChangeOwnPassword).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Changes the caller's password; every other session and token of the account ends within a minute.");
        users.MapPost("/{userName}/password", ResetPassword).RequireAuthorization(Policies.Admin)
            .WithSummary("The administrator sets a new password; the account's sessions and tokens end within a minute.");
        users.MapPost("/{userName}/lock", Lock).RequireAuthorization(Policies.Admin)
            .WithSummary("Disables the account until unlocked; its sessions and tokens end within a minute.");
        users.MapPost("/{userName}/unlock", Unlock).RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Token(TokenRequest request, AccountSignIn accounts, SignInManager<ApplicationUser> signIn, HttpContext http)
    {
        var check = await accounts.CheckAsync(request.UserName, request.Password);
        if (check.User is not { } user)
        {
            if (check.Wait is { } wait)
            {
                RateLimits.SetRetryAfter(http.Response, wait);
                return TypedResults.Problem(AccountSignIn.Throttled(wait), statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều lần thử");
            }
            return Unauthorized(AccountSignIn.Refused);
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>As Identity's own refresh: the refresh token's user, if its security stamp is still current and the account open.</summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(RefreshRequest request, SignInManager<ApplicationUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return Unauthorized("Mã làm mới không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.");
        }
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Không xác thực được");

    private static async Task<NoContent> ChangeOwnPassword(UserService service, ChangePasswordRequest request, ClaimsPrincipal user)
    {
        await service.ChangeOwnPasswordAsync(user.Identity!.Name!, request.CurrentPassword, request.NewPassword);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ResetPassword(UserService service, string userName, ResetPasswordRequest request)
    {
        await service.ResetPasswordAsync(userName, request.NewPassword);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<UserDto>> Lock(UserService service, string userName, CancellationToken ct) =>
        TypedResults.Ok(await service.SetLockedAsync(userName, locked: true, ct));

    private static async Task<Ok<UserDto>> Unlock(UserService service, string userName, CancellationToken ct) =>
        TypedResults.Ok(await service.SetLockedAsync(userName, locked: false, ct));

    private static async Task<Created<UserDto>> Create(UserService service, CreateUserRequest request, CancellationToken ct)
    {
        var user = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/users/{Uri.EscapeDataString(user.UserName)}", user);
    }

    private static async Task<Ok<PagedList<UserDto>>> List(UserService service, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(Paging.From(page, pageSize), ct));

    private static async Task<Ok<UserDto>> Me(UserService service, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(user.Identity!.Name!, ct));
}
