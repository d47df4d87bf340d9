using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data.Accounts;

namespace ThiDua.Web.Features.Notifications;

/// <summary>The signed-in user's notifications: reminders, replies, workflow steps.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(NotificationService notifications, UserManager<ApplicationUser> users) : PageModel
{
    public IReadOnlyList<NotificationDto> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await notifications.ListAsync(users.GetUserId(User)!);

    public async Task<IActionResult> OnPostAsync()
    {
        await notifications.MarkReadAsync(users.GetUserId(User)!, null);
        return RedirectToPage();
    }
}
