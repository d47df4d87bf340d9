using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data.Accounts;

namespace ThiDua.Web.Features.Accounts;

[Authorize(Policy = Policies.Public)]
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/dang-nhap");
    }
}
