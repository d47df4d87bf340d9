using ThiDua.Core.Units;

namespace ThiDua.Web.Features.Units;

/// <summary>The reorganization form (R2): merge, split or rename in one transaction.</summary>
[Authorize(Policy = Policies.ManageUnits)]
public sealed class ReorganizeModel(UnitService units, ReorganizationService reorganizations, TimeProvider clock) : CommandPageModel
{
    [BindProperty]
    public ReorganizeInput Input { get; set; } = new();

    public ReorganizationResult? Result { get; private set; }
    public IReadOnlyList<(string Code, string Name)> ActiveUnits { get; private set; } = [];
    public UnitPicker FromPicker => new("Input_From", "Input.From", "Các đơn vị cũ", ActiveUnits.Select(u => new UnitChoice(u.Code, u.Name)).OrderBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true)).ToList(), UnitPicker.Codes(Input.From));

    public sealed class ReorganizeInput
    {
        public string Kind { get; set; } = "merge";
        public string? EffectiveDate { get; set; }
        /// <summary>The old units' codes: one per unit ticked in the picker (a program may still send them comma-separated).</summary>
        public List<string> From { get; set; } = [];
        public string? Note { get; set; }
        public List<NewUnitInput> To { get; set; } = [];
    }

    public sealed class NewUnitInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string Type { get; set; } = "commune";
        public string? ParentCode { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var date = DateInput.Parse(Input.EffectiveDate, "Input.EffectiveDate", ModelState, "Ngày hiệu lực");
        if (date is null && ModelState.IsValid)
        {
            ModelState.AddModelError("Input.EffectiveDate", "Hãy nhập ngày hiệu lực.");
        }
        ReorganizationKind? kind = Input.Kind switch
        {
            "merge" => ReorganizationKind.Merge,
            "split" => ReorganizationKind.Split,
            "rename" => ReorganizationKind.Rename,
            _ => null,
        };
        if (kind is null)
        {
            ModelState.AddModelError("Input.Kind", "Hình thức sắp xếp không hợp lệ.");
        }
        var newUnits = new List<NewUnitRequest>();
        foreach (var row in Input.To.Where(t => !string.IsNullOrWhiteSpace(t.Code) || !string.IsNullOrWhiteSpace(t.Name)))
        {
            if (string.IsNullOrWhiteSpace(row.Code) || string.IsNullOrWhiteSpace(row.Name) || !UnitTypes.TryParse(row.Type, out var type))
            {
                ModelState.AddModelError("Input.To", "Mỗi đơn vị mới cần mã, tên và loại.");
                continue;
            }
            newUnits.Add(new NewUnitRequest { Code = row.Code, Name = row.Name, Type = type, ParentCode = row.ParentCode });
        }

        if (ModelState.IsValid)
        {
            return await RunAsync(async () =>
            {
                Result = await reorganizations.ReorganizeAsync(new ReorganizationRequest
                {
                    EffectiveDate = date,
                    Kind = kind,
                    From = UnitPicker.Codes(Input.From),
                    To = newUnits,
                    Note = Input.Note,
                });
                Input = new ReorganizeInput();
                await LoadAsync();
                return Page();
            }, LoadAsync, e =>
            {
                // A plan can break several rules at once: each one is listed.
                ModelState.AddModelError(string.Empty, e.Message);
                foreach (var message in e.Errors.SelectMany(kv => kv.Value))
                {
                    ModelState.AddModelError(string.Empty, message);
                }
            });
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        while (Input.To.Count < 4)
        {
            Input.To.Add(new NewUnitInput { ParentCode = "QN-22" });
        }
        var today = VietnamTime.Today(clock);
        var directory = await units.DirectoryAsync();
        ActiveUnits = directory.Units.Where(u => u.Validity.Contains(today)).OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => (u.Code, u.Name)).ToList();
    }
}
