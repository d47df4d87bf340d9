using System.Reflection;
using ThiDua.Web.Data;
using Xunit.Sdk;

namespace ThiDua.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a data test once per database: always on SQLite, and again on a real PostgreSQL when
/// <c>THIDUA_TEST_POSTGRES</c> holds a connection string (as in .ci/run). Test names carry the provider.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Sqlite];
        if (TestDatabases.PostgresConnectionString is not null)
        {
            yield return [DatabaseProvider.Postgres];
        }
    }
}
