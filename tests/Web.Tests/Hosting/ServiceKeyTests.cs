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

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.9", true)]
    [InlineData("172.32.0.9", false)]
    [InlineData("192.168.1.20", true)]
    [InlineData("169.254.3.4", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:192.168.1.20", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2001:db8::1", false)]
    public void A_clustered_silo_starts_on_a_public_address_only_when_told_the_network_is_protected(string address, bool isPrivate)
    {
        ClusterSettings Clustered(bool allowPublic) => ClusterSettings.From(new ConfigurationBuilder().AddInMemoryCollection(
        [
            KeyValuePair.Create<string, string?>("Cluster:Clustering", "AzureTable"),
            KeyValuePair.Create<string, string?>("Cluster:SiloAddress", address),
            KeyValuePair.Create<string, string?>("Cluster:AllowPublicAddress", allowPublic ? "true" : null),
        ]).Build());

        Assert.Equal(isPrivate, ClusterSettings.IsPrivate(System.Net.IPAddress.Parse(address)));
        if (isPrivate)
        {
            Assert.Equal(System.Net.IPAddress.Parse(address), Clustered(allowPublic: false).RequireProtectedAddress());
        }
        else
        {
            var refused = Assert.Throws<InvalidOperationException>(() => Clustered(allowPublic: false).RequireProtectedAddress());
            Assert.Contains("Cluster:AllowPublicAddress", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(System.Net.IPAddress.Parse(address), Clustered(allowPublic: true).RequireProtectedAddress());
    }

    [Fact]
    public void A_lone_silo_keeps_its_own_key_across_restarts_in_a_file_only_its_user_reads()
    {
        var folder = Path.Combine(Path.GetTempPath(), "collectiflive-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "service.key");
            var made = ServiceAccess.LoadOrCreate(path);

            Assert.True(made.Length >= 22);
            Assert.Equal(made, ServiceAccess.LoadOrCreate(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            File.WriteAllText(path, "short");
            Assert.NotEqual(made, ServiceAccess.LoadOrCreate(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
