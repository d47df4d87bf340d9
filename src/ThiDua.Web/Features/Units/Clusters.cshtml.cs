using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Units;

/// <summary>Emulation clusters and blocs of a year, with members; the Secretariat adds new ones.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ClustersModel(ClusterService clusters, UnitService units, CurrentUser user, TimeProvider clock) : CommandPageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? YearQuery { get; set; }

    [BindProperty]
    public ClusterInput Input { get; set; } = new();

    public int Year { get; private set; }
    public IReadOnlyList<ClusterDto> Clusters { get; private set; } = [];
    public bool CanManage { get; private set; }
    public IReadOnlyList<UnitChoice> UnitChoices { get; private set; } = [];
    public UnitPicker MembersPicker => new("Input_Members", "Input.Members", "Các đơn vị thành viên", UnitChoices, UnitPicker.Codes(Input.Members));

    public sealed class ClusterInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string Kind { get; set; } = "cluster";
        public int? Year { get; set; }
        /// <summary>The members' codes: one per unit ticked in the picker (a program may still send them comma-separated).</summary>
        public List<string> Members { get; set; } = [];
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await user.HasPolicyAsync(Policies.ManageUnits))
        {
            return Forbid();
        }
        if (string.IsNullOrWhiteSpace(Input.Code) || string.IsNullOrWhiteSpace(Input.Name) || Input.Year is not (>= 2000 and <= 2100))
        {
            ModelState.AddModelError(string.Empty, "Cần mã, tên và năm (2000–2100) của cụm, khối.");
        }
        else
        {
            return await RunAsync(async () =>
            {
                var cluster = await clusters.CreateAsync(new ClusterRequest
                {
                    Code = Input.Code,
                    Name = Input.Name,
                    Kind = Input.Kind == "bloc" ? ClusterKind.Bloc : ClusterKind.Cluster,
                    Year = Input.Year,
                    MemberCodes = UnitPicker.Codes(Input.Members),
                });
                TempData["Message"] = $"Đã thêm {cluster.Name}.";
                return Redirect($"/cum-khoi?nam={cluster.Year}");
            }, () =>
            {
                YearQuery = Input.Year;
                return LoadAsync();
            });
        }
        YearQuery = Input.Year;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Year = YearQuery is (>= 2000 and <= 2100) ? YearQuery.Value : VietnamTime.Today(clock).Year;
        Clusters = (await clusters.ListAsync(Year, Paging.FirstLargest)).Items;
        CanManage = await user.HasPolicyAsync(Policies.ManageUnits);
        if (CanManage)
        {
            UnitChoices = await UnitPicker.ValidAsync(units, new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31));
        }
    }
}
