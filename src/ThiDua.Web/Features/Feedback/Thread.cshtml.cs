namespace ThiDua.Web.Features.Feedback;

[Authorize(Policy = Policies.Feedback)]
public sealed class ThreadModel(FeedbackService feedback) : CommandPageModel
{
    public FeedbackDto Thread { get; private set; } = null!;

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    public Task<IActionResult> OnPostReplyAsync(int id, string? body) =>
        RunAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                throw DomainException.ForField("body", "Hãy nhập nội dung trả lời.");
            }
            await feedback.ReplyAsync(id, body);
            return Redirect($"/gop-y/{id}");
        }, () => LoadAsync(id));

    public Task<IActionResult> OnPostCloseAsync(int id) =>
        RunAsync(() => feedback.CloseAsync(id), "Đã đóng vướng mắc.", $"/gop-y/{id}", () => LoadAsync(id));

    private async Task LoadAsync(int id) => Thread = await feedback.GetAsync(id);
}
