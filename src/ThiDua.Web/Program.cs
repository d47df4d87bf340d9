using ThiDua.Web;
using ThiDua.Web.Infrastructure.Operations;

if (OperationsCommand.Matches(args))
{
    return await OperationsCommand.RunAsync(args);
}
if (SeedNationalCommand.Matches(args))
{
    return await SeedNationalCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddThiDua();

var app = builder.Build();
app.UseThiDua();
app.MapThiDua();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
