using ThiDua.Web.Features.Units;

namespace ThiDua.Web.Features.Initiatives;

/// <summary>A unit's reporter or leader submits an initiative or model of their unit, with a first file; the Secretariat for any unit.</summary>
[Authorize(Policy = Policies.UnitWork)]
public sealed class CreateModel(InitiativeService initiatives, InitiativeFileService files, UnitService units, CurrentUser user, TimeProvider clock) : CommandPageModel
{
    [BindProperty]
    public InitiativeForm Form { get; set; } = new();

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public bool ChoosesUnit => user.ActsForEveryUnit;

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAsync(IFormFile? file, string? caption) =>
        RunAsync(async () =>
        {
            if (!ChoosesUnit)
            {
                Form.UnitCode = user.UnitCode;
            }
            var created = await initiatives.CreateAsync(Form.ToRequest());
            if (file is { Length: > 0 })
            {
                await files.AddAsync(created.Id, file, caption);
            }
            TempData["Message"] = "Đã gửi sáng kiến, mô hình tới cơ quan thường trực.";
            return Redirect($"/sang-kien/{created.Id}");
        }, LoadAsync);

    private async Task LoadAsync()
    {
        if (ChoosesUnit)
        {
            Units = await UnitPicker.ValidAsync(units, VietnamTime.Today(clock));
        }
    }
}
