using CollectifLive.Testing;
using CollectifLive.Web.State;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Workshops;
using Microsoft.Extensions.Time.Testing;

namespace CollectifLive.Web.Tests.State;

/// <summary>A button's command reaches the grain; a refusal for good is shown at once, not retried.</summary>
[Collection(ClusterCollection.Name)]
public class CommandRetriesTests(TestClusterFixture fixture)
{
    private static StoreRecorder Console(TestWorkshop workshop, TimeProvider clock) =>
        new(new CommandRetries(workshop.Gateway, clock), WorkshopSessionState.Initial with
        {
            Status = SessionStatus.Ready,
            Audience = Audience.Facilitator,
            WorkshopId = workshop.Id,
            Credential = workshop.Facilitator,
        });

    [Fact]
    public async Task An_accepted_command_changes_the_workshop_and_shows_nothing()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var console = Console(workshop, TimeProvider.System);

        console.Dispatch(new CommandRequested(new SetPhase(Phase.Grouping)));

        await Eventually.Until(async () => (await workshop.Console()).Header.Phase, phase => phase == Phase.Grouping, "the step to change");
        Assert.Empty(console.Reduced<CommandRefused>());
        Assert.Null(console.State.Notice);
    }

    [Fact]
    public async Task A_command_refused_for_good_is_shown_at_once_without_a_retry()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        // A retry would wait on this clock, which never moves.
        var console = Console(workshop, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var command = new ModerateNote("no-such-note", ModerationAction.Hide);

        console.Dispatch(new CommandRequested(command));

        var refused = await console.UntilReduced<CommandRefused>("the refusal");
        Assert.Same(command, refused.Command);
        Assert.Equal(new Notice(WorkshopError.UnknownNote), refused.Notice);
        Assert.Equal(refused.Notice, console.State.Notice);
    }
}
