using CollectifLive.Testing;

namespace CollectifLive.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<TestClusterFixture>
{
    public const string Name = "cluster";
}

[CollectionDefinition(Name)]
public sealed class SqliteClusterCollection : ICollectionFixture<SqliteTestClusterFixture>
{
    public const string Name = "cluster on SQLite";
}
