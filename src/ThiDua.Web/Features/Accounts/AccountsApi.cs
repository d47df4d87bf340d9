using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ThiDua.Data.Accounts;

namespace ThiDua.Web.Features.Accounts;

/// <summary><c>POST /api/v1/auth/token</c> for API clients and user administration (API.md).</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", Token).WithTags("Accounts").RequireAuthorization(Policies.Public)
            .WithSummary("Exchanges user name and password for a bearer token {accessToken, tokenType, expiresIn}. Wrong credentials or a locked account: 401.");

        var users = app.MapGroup("/api/v1/users").WithTags("Accounts");
        users.MapPost("/", Create).RequireAuthorization(Policies.Admin);
        users.MapGet("/", List).RequireAuthorization(Policies.Admin);
        users.MapGet("/me", Me).RequireAuthorization(Policies.SignedIn);
        return app;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Token(TokenRequest request, SignInManager<ApplicationUser> signIn)
    {
        var user = await signIn.UserManager.FindByNameAsync(request.UserName.Trim());
        if (user is null)
        {
            return Unauthorized("Tên đăng nhập hoặc mật khẩu không đúng.");
        }
        // Counts failures and locks the account after 5 of them for 15 minutes, as the login page does.
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return Unauthorized("Tài khoản đang bị khoá tạm thời do đăng nhập sai nhiều lần; hãy thử lại sau 15 phút.");
        }
        if (!check.Succeeded)
        {
            return Unauthorized("Tên đăng nhập hoặc mật khẩu không đúng.");
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Không xác thực được");

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
