using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Infrastructure;

/// <summary>
/// The whole application in memory over one test database, with a clock the test can move. Demo accounts are
/// seeded (password <see cref="Password"/>); password hashing is cheapened so tests log in fast.
/// </summary>
public sealed class ThiDuaApp(TestDatabase database, FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string Password = "ThiDua@2026";

    /// <summary>27/11/2026 10:00 in Vietnam: the default "now" of a test.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string> _tokens = new(StringComparer.OrdinalIgnoreCase);

    public FakeTimeProvider Clock { get; } = clock ?? new FakeTimeProvider(DefaultNow);
    public TestDatabase Database { get; } = database;

    public static async Task<ThiDuaApp> StartAsync(DatabaseProvider provider, FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await TestDatabases.CreateAsync(provider);
        var app = new ThiDuaApp(database, clock, settings);
        _ = app.Server;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{Database.Provider}", Database.ConnectionString);
        builder.UseSetting("Seed:DemoData", "true");
        // The reminder service runs only in the tests that move the clock for it.
        builder.UseSetting("Reminders:Enabled", "false");
        // Results are computed through the reads (the same claim as the background service), so tests are deterministic.
        builder.UseSetting("Results:BackgroundEnabled", "false");
        // Other tests read the OpenAPI document; in Production it is off unless configured (SecurityHeadersTests).
        builder.UseSetting("ApiDocs:Enabled", "true");
        // One Development signing certificate for every test app (the Production tests too), kept out of the source tree.
        builder.UseSetting("Signing:Kind", "Development");
        builder.UseSetting("Signing:DevelopmentCertificatePath", Path.Combine(Path.GetTempPath(), "thidua-tests", "signing", "development-signer.pfx"));
        builder.UseSetting("Storage:Path", Path.Combine(Path.GetTempPath(), "thidua-tests", "files", Guid.NewGuid().ToString("N")));
        // Tests sign many users in from one (absent) address; the tests of the limits set their own.
        builder.UseSetting("RateLimits:SignInsPerAddressPerMinute", "100000");
        builder.UseSetting("RateLimits:FailedSignInsPerAccount", "100000");
        builder.UseSetting("RateLimits:PublicCommentsPerAddress", "100000");
        builder.UseSetting("RateLimits:PublicVerificationsPerAddressPerMinute", "100000");
        // PDFs are rendered by LibreOffice (seconds each): only the tests about documents turn it on
        // (Documents:RenderInline=true); elsewhere a decision's PDF simply stays queued.
        builder.UseSetting("Documents:QueueEnabled", "false");
        builder.UseSetting("Documents:RenderInline", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
    }

    /// <summary>A client that calls the API with a bearer token of <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ClientAsync(string userName, string password = Password)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
            token = body!.AccessToken;
            _tokens[userName] = token;
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Drops cached bearer tokens, e.g. after the clock moved past their expiry.</summary>
    public void ForgetTokens() => _tokens.Clear();

    /// <summary>A browser-like client (cookies, no automatic redirects) signed in through the login page.</summary>
    public async Task<HttpClient> PageClientAsync(string? userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (userName is not null)
        {
            var response = await client.PostFormAsync("/dang-nhap", new() { ["Input.UserName"] = userName, ["Input.Password"] = Password });
            if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Login of {userName} failed: {response.StatusCode}");
            }
        }
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
}
