namespace CollectifLive.Events;

/// <summary>A web server's plenary feed, told of every change of the plenary. Pushes may be lost: versions tell.</summary>
[Alias("cl.IEventObserver")]
public interface IEventObserver : IGrainObserver
{
    [Orleans.Concurrency.OneWay, Alias("OnPlenary")]
    Task OnPlenary(PlenaryView plenary);
}
