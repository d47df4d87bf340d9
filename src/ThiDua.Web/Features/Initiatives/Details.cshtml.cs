using ThiDua.Core.Initiatives;

namespace ThiDua.Web.Features.Initiatives;

/// <summary>
/// One initiative or model: its content, files and pictures; the unit corrects and resubmits it while it is its own
/// to edit; the Secretariat returns it with a reason, accepts, publishes and features it.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(InitiativeService initiatives, InitiativeReviewService review, InitiativeFileService files, CurrentUser user) : CommandPageModel
{
    public InitiativeDto Initiative { get; private set; } = null!;

    [BindProperty]
    public InitiativeForm Form { get; set; } = new();

    /// <summary>Corrects and uploads: the unit's staff (and the Secretariat) while it waits or came back.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Adds files: as <see cref="CanEdit"/>, and the Secretariat at any step.</summary>
    public bool CanUpload { get; private set; }

    public bool Reviews => user.ActsForEveryUnit;

    public async Task OnGetAsync(int id)
    {
        await LoadAsync(id);
        Form = InitiativeForm.From(Initiative);
    }

    public Task<IActionResult> OnPostEditAsync(int id) =>
        RunAsync(async () =>
        {
            var request = Form.ToRequest();
            await initiatives.UpdateAsync(id, request, request.Version ?? -1);
            TempData["Message"] = "Đã lưu và gửi lại sáng kiến, mô hình.";
            return Redirect($"/sang-kien/{id}");
        }, () => LoadAsync(id));

    public Task<IActionResult> OnPostFileAsync(int id, IFormFile? file, string? caption) =>
        RunAsync(() => files.AddAsync(id, file, caption), "Đã thêm tệp.", $"/sang-kien/{id}", () => ReloadAsync(id));

    public Task<IActionResult> OnPostReturnAsync(int id, string? reason) =>
        RunAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
            {
                throw DomainException.ForField("reason", "Hãy ghi lý do trả lại (ít nhất 5 ký tự) để đơn vị bổ sung.");
            }
            await review.ReturnAsync(id, reason, null);
        }, "Đã trả lại cho đơn vị.", $"/sang-kien/{id}", () => ReloadAsync(id));

    public Task<IActionResult> OnPostAcceptAsync(int id) =>
        RunAsync(() => review.AcceptAsync(id, null), "Đã chấp nhận.", $"/sang-kien/{id}", () => ReloadAsync(id));

    public Task<IActionResult> OnPostPublishAsync(int id) =>
        RunAsync(() => review.PublishAsync(id, null), "Đã công bố trên trang công khai.", $"/sang-kien/{id}", () => ReloadAsync(id));

    public Task<IActionResult> OnPostFeatureAsync(int id, bool featured) =>
        RunAsync(() => review.FeatureAsync(id, featured, null), featured ? "Đã chọn nổi bật." : "Đã bỏ chọn nổi bật.", $"/sang-kien/{id}", () => ReloadAsync(id));

    private async Task ReloadAsync(int id)
    {
        await LoadAsync(id);
        Form = InitiativeForm.From(Initiative);
    }

    private async Task LoadAsync(int id)
    {
        Initiative = await initiatives.GetAsync(id);
        var acts = await initiatives.ActsOnAsync(id);
        CanEdit = acts && InitiativeWorkflow.UnitCanEdit(Initiative.Status);
        CanUpload = CanEdit || (acts && user.ActsForEveryUnit);
    }
}
