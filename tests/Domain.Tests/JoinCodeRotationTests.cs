using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class JoinCodeRotationTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina");

    [Fact]
    public void The_facilitator_gives_the_workshop_a_new_code_and_participants_already_in_keep_their_key()
    {
        var decision = Workshop.RotateJoinCode(_workshop.State, Actor.Facilitator, "XYZ789");

        Assert.Equal(new JoinCodeRotated("XYZ789"), Assert.Single(decision.Events));
        Assert.Equal("XYZ789", decision.Value);
        var after = Workshop.Apply(_workshop.State, decision.Events);
        Assert.Equal("XYZ789", after.JoinCode);
        Assert.Equal("XYZ789", WorkshopProjection.Header(after, Audience.Projector).JoinCode);
        var amina = _workshop.ParticipantId("amina");
        Assert.Equal(Actor.Participant(amina), WorkshopAccess.Authenticate(after, Credential.Participant(amina, WorkshopBuilder.SecretFor("amina"))));
    }

    [Fact]
    public void The_same_code_again_changes_nothing() =>
        AssertUnchanged(_workshop.State, Workshop.RotateJoinCode(_workshop.State, Actor.Facilitator, _workshop.State.JoinCode));

    [Fact]
    public void Only_the_facilitator_changes_the_code()
    {
        AssertRefused(WorkshopError.NotAllowedForRole, Workshop.RotateJoinCode(_workshop.State, _workshop.Participant("amina"), "XYZ789"));
        AssertRefused(WorkshopError.NotAllowedForRole, Workshop.RotateJoinCode(_workshop.State, Actor.Projector, "XYZ789"));
    }
}
