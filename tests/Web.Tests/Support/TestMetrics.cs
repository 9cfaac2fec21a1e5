using System.Diagnostics.Metrics;
using CollectifLive.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CollectifLive.Web.Tests.Support;

/// <summary>The app's meters made from a real meter factory, for feeds built outside the app.</summary>
internal static class TestMetrics
{
    public static WebMetrics Web { get; } = new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
}
