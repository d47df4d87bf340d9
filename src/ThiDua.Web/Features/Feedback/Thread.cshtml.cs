using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Errors;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Feedback;

[Authorize(Policy = Policies.Feedback)]
public sealed class ThreadModel(FeedbackService feedback) : PageModel
{
    public FeedbackDto Thread { get; private set; } = null!;

    public async Task OnGetAsync(int id) => Thread = await feedback.GetAsync(id, User);

    public async Task<IActionResult> OnPostReplyAsync(int id, string? body)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                throw DomainException.ForField("body", "Hãy nhập nội dung trả lời.");
            }
            await feedback.ReplyAsync(id, body, User);
            return Redirect($"/gop-y/{id}");
        }
        catch (Exception e) when (e is DomainException or ConflictException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        Thread = await feedback.GetAsync(id, User);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        await feedback.CloseAsync(id, User);
        TempData["Message"] = "Đã đóng vướng mắc.";
        return Redirect($"/gop-y/{id}");
    }
}
