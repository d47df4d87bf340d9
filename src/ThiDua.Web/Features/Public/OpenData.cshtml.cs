using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThiDua.Web.Features.Public;

/// <summary>The open datasets for a person: what each holds and its files, from the same list as the DCAT catalogue.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class OpenDataModel(OpenDataCatalog catalog) : PageModel
{
    public IReadOnlyList<OpenDataset> Datasets { get; private set; } = [];

    public async Task OnGetAsync() =>
        Datasets = await catalog.DatasetsAsync(OpenDataApi.BaseUrl(Request), HttpContext.RequestAborted);
}
