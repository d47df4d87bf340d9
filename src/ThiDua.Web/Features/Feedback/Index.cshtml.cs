namespace ThiDua.Web.Features.Feedback;

[Authorize(Policy = Policies.Feedback)]
public sealed class IndexModel(FeedbackService feedback, CurrentUser user) : CommandPageModel
{
    public IReadOnlyList<FeedbackDto> Threads { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public string? Subject { get; private set; }
    public string? Body { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? subject, string? body)
    {
        (Subject, Body) = (subject, body);
        if (string.IsNullOrWhiteSpace(subject) || subject.Trim().Length < 3 || string.IsNullOrWhiteSpace(body) || body.Trim().Length < 3)
        {
            ModelState.AddModelError(string.Empty, "Hãy nhập tiêu đề và nội dung vướng mắc.");
        }
        else
        {
            return await RunAsync(async () =>
            {
                var thread = await feedback.CreateAsync(new FeedbackRequest { UnitCode = user.UnitCode ?? "", Subject = subject, Body = body });
                TempData["Message"] = "Đã gửi vướng mắc tới Ban Thi đua – Khen thưởng.";
                return Redirect($"/gop-y/{thread.Id}");
            }, LoadAsync);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Threads = (await feedback.ListAsync(null, Paging.FirstLargest)).Items;
        CanCreate = user.IsUnitStaff;
    }
}
