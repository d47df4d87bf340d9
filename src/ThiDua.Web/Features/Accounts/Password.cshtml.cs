using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using ThiDua.Data.Accounts;

namespace ThiDua.Web.Features.Accounts;

/// <summary>The signed-in person changes their own password; this browser stays signed in, every other session ends.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PasswordModel(UserService users, SignInManager<ApplicationUser> signIn) : CommandPageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Hãy nhập mật khẩu hiện tại.")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Hãy nhập mật khẩu mới.")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
        public string Confirm { get; set; } = "";
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
        return await RunAsync(async () =>
        {
            var userName = User.Identity!.Name!;
            await users.ChangeOwnPasswordAsync(userName, Input.CurrentPassword, Input.NewPassword);
            // The security stamp changed: sign this browser in again so only the other sessions end.
            if (await signIn.UserManager.FindByNameAsync(userName) is { } user)
            {
                await signIn.RefreshSignInAsync(user);
            }
            TempData["Message"] = "Đã đổi mật khẩu.";
            return RedirectToPage();
        }, () => Task.CompletedTask, e => ModelState.AddModelError(string.Empty, CommandPageModel.Describe(e)));
    }
}
