using CollectifLive.Silo.Hosting;
using CollectifLive.Workshops;
using Microsoft.Extensions.Configuration;

namespace CollectifLive.Web.Tests.Hosting;

/// <summary>A silo or a client-mode web server reads its service key from configuration, and will not start without one.</summary>
public class ServiceKeyTests
{
    private static ClusterSettings Settings(string? serviceKey) => ClusterSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(serviceKey is null ? [] : [KeyValuePair.Create<string, string?>("Cluster:ServiceKey", serviceKey)]).Build());

    [Theory]
    [InlineData(null)]
    [InlineData("too-short")]
    public void Without_a_real_key_a_separate_process_refuses_to_start(string? key)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Settings(key).RequireServiceKey());
        Assert.Contains("Cluster:ServiceKey", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_silo_allows_exactly_the_configured_key()
    {
        const string key = "cluster-service-key-0123456789abcdef";
        var access = new ServiceAccess(Settings(key).RequireServiceKey());

        Assert.True(access.Allows(new ServiceKey(key)));
        Assert.False(access.Allows(new ServiceKey(key + "x")));
        Assert.False(access.Allows(new ServiceKey("")));
        Assert.False(access.Allows(null));
        Assert.NotEqual(ServiceAccess.NewSecret(), ServiceAccess.NewSecret());
        Assert.DoesNotContain(key, new ServiceKey(key).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, Settings(key).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", Settings(key).ToString(), StringComparison.Ordinal);
    }
}
