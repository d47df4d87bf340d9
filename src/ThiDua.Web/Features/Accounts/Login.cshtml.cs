using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ThiDua.Web.Infrastructure.Security;
using ThiDua.Data.Accounts;

namespace ThiDua.Web.Features.Accounts;

[Authorize(Policy = Policies.Public)]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<ApplicationUser> signIn, AccountSignIn accounts) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Hãy nhập tên đăng nhập.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Hãy nhập mật khẩu.")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var check = await accounts.CheckAsync(Input.UserName, Input.Password);
        if (check.User is { } user)
        {
            await signIn.SignInAsync(user, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (check.Wait is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            RateLimits.SetRetryAfter(Response, wait);
        }
        ModelState.AddModelError(string.Empty, check.Wait is { } w ? AccountSignIn.Throttled(w) : AccountSignIn.Refused);
        return Page();
    }
}
