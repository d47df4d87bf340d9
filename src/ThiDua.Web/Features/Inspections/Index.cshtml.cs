using ThiDua.Web.Features.Units;

namespace ThiDua.Web.Features.Inspections;

/// <summary>Inspection plans (R15): the list a reader may see, and the plan form for the Secretariat and the Reward Board.</summary>
[Authorize(Policy = Policies.Inspections)]
public sealed class IndexModel(InspectionService inspections, UnitService units, CurrentUser user, TimeProvider clock) : CommandPageModel
{
    public IReadOnlyList<InspectionSummaryDto> Plans { get; private set; } = [];
    public bool CanPlan { get; private set; }
    public IReadOnlyList<InspectorDto> Candidates { get; private set; } = [];
    public IReadOnlyList<UnitChoice> UnitChoices { get; private set; } = [];
    public List<string> ChosenUnits { get; private set; } = [];
    public List<string> ChosenInspectors { get; private set; } = [];
    public UnitPicker UnitPicker => new("p-units", "Units", "Các đơn vị được kiểm tra", UnitChoices, ChosenUnits);

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    public async Task OnGetAsync()
    {
        Form = new PlanForm { Year = VietnamTime.Today(clock).Year };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "Units")] string[]? chosenUnits, [FromForm(Name = "Inspectors")] string[]? inspectors)
    {
        if (!await user.HasPolicyAsync(Policies.PlanInspections))
        {
            return Forbid();
        }
        ChosenUnits = UnitPicker.Codes(chosenUnits);
        ChosenInspectors = (inspectors ?? []).ToList();
        if (!ModelState.IsValid || Form.StartDate is null || Form.EndDate is null)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(string.Empty, "Hãy nhập ngày bắt đầu và ngày kết thúc (ngày/tháng/năm).");
            }
            await LoadAsync();
            return Page();
        }
        return await RunAsync(async () =>
        {
            var plan = await inspections.CreateAsync(new CreateInspectionRequest
            {
                Year = Form.Year,
                Title = Form.Title ?? "",
                Scope = Form.Scope,
                StartDate = Form.StartDate,
                EndDate = Form.EndDate,
                UnitCodes = ChosenUnits,
                InspectorUserNames = ChosenInspectors,
            });
            TempData["Message"] = "Đã lập kế hoạch kiểm tra.";
            return Redirect($"/kiem-tra/{plan.Id}");
        }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        Plans = (await inspections.ListAsync(null, Paging.FirstLargest)).Items;
        CanPlan = await user.HasPolicyAsync(Policies.PlanInspections);
        if (CanPlan)
        {
            UnitChoices = await UnitPicker.ValidAsync(units, VietnamTime.Today(clock));
            Candidates = await inspections.InspectorCandidatesAsync();
        }
    }

    public sealed class PlanForm
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Năm")]
        [System.ComponentModel.DataAnnotations.Range(2000, 2100, ErrorMessage = "Năm kiểm tra phải từ 2000 đến 2100.")]
        public int? Year { get; set; }

        public string? Title { get; set; }

        public string? Scope { get; set; }

        public DateOnly? StartDate { get; set; }

        public DateOnly? EndDate { get; set; }
    }
}
