using System.Globalization;

namespace CollectifLive.Web.Components.Shared;

/// <summary>
/// The culture a circuit was opened with, to render in it from another thread: a feed's or a plenary's push arrives
/// on a thread whose culture is not the circuit's, and the renders it queues would take that thread's culture.
/// Capture it while on the circuit (a component's initialisation), use it around what a push does.
/// </summary>
public sealed class CircuitCulture
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public void Run(Action action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        try
        {
            action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
