namespace ThiDua.Web.Features.Units;

[Authorize(Policy = Policies.ManageUnits)]
public sealed class CreateModel(UnitService units) : CommandPageModel
{
    [BindProperty]
    public UnitFormInput Input { get; set; } = new() { Type = "department", ParentCode = "QN-22" };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && Input.Parse(ModelState) is { } parsed)
        {
            return await RunAsync(async () =>
            {
                var unit = await units.CreateAsync(CreateUnitRequest.With(Input.Code, Input.ToRequest(parsed)));
                TempData["Message"] = $"Đã thêm đơn vị {unit.Name}.";
                return Redirect($"/don-vi/{unit.Code}");
            }, () => Task.CompletedTask);
        }
        return Page();
    }
}
