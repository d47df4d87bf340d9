using ThiDua.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddThiDua();

var app = builder.Build();
app.UseThiDua();
app.MapThiDua();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
