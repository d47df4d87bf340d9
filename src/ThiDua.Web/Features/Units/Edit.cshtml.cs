using ThiDua.Core.Units;

namespace ThiDua.Web.Features.Units;

[Authorize(Policy = Policies.ManageUnits)]
public sealed class EditModel(UnitService units) : CommandPageModel
{
    [BindProperty]
    public UnitFormInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var unit = await units.GetAsync(code);
        Input = new UnitFormInput
        {
            Code = unit.Code,
            Name = unit.Name,
            Type = unit.Type.Code(),
            Subtype = unit.Subtype,
            ParentCode = unit.ParentCode,
            ValidFrom = Display.Date(unit.ValidFrom),
            ValidTo = Display.Date(unit.ValidTo),
            Version = unit.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        Input.Code = code;
        if (ModelState.IsValid && Input.Parse(ModelState) is { } parsed)
        {
            return await RunAsync(() => units.UpdateAsync(code, Input.ToRequest(parsed), Input.Version), "Đã lưu thay đổi.", $"/don-vi/{code}", () => Task.CompletedTask);
        }
        return Page();
    }
}
