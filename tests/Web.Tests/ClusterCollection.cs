using CollectifLive.Testing;

namespace CollectifLive.Web.Tests;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<TestClusterFixture>
{
    public const string Name = "cluster";
}
