package dev.pgdesk.monitor;

import static dev.pgdesk.monitor.ActivitySamples.blockedBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingTreeTest {

    @Test
    void nothingBlockedGivesNoTree() {
        assertThat(BlockingTree.of(List.of(blockedBy(1), blockedBy(2)))).isEmpty();
    }

    @Test
    void aChainHangsUnderTheSessionThatWaitsForNoOne() {
        List<BlockingNode> roots =
                BlockingTree.of(List.of(blockedBy(30, 20), blockedBy(20, 10), blockedBy(10), blockedBy(40)));

        assertThat(roots).singleElement().satisfies(root -> {
            assertThat(pids(root)).isEqualTo("10(20(30))");
            assertThat(root.waitingCount()).isEqualTo(2);
        });
    }

    @Test
    void aSessionBlockedByTwoAppearsUnderEachAndRootsWithMoreWaitingComeFirst() {
        List<BlockingNode> roots =
                BlockingTree.of(List.of(blockedBy(5), blockedBy(6), blockedBy(7, 5, 6), blockedBy(8, 6)));

        assertThat(roots).extracting(BlockingTreeTest::pids).containsExactly("6(7,8)", "5(7)");
    }

    @Test
    void aSessionReachedTwiceBelowOneBlockerCountsOnce() {
        // 20 waits for 10; 30 waits for both 10 and 20, so it hangs under 10 directly and under 20.
        List<BlockingNode> roots = BlockingTree.of(List.of(blockedBy(10), blockedBy(20, 10), blockedBy(30, 10, 20)));

        assertThat(roots).singleElement().satisfies(root -> {
            assertThat(pids(root)).isEqualTo("10(20(30),30)");
            assertThat(root.waitingCount()).isEqualTo(2);
            assertThat(root.waitingPids()).containsExactlyInAnyOrder(20, 30);
        });
    }

    @Test
    void rootsWithAsManyWaitingAreInPidOrder() {
        List<BlockingNode> roots =
                BlockingTree.of(List.of(blockedBy(9), blockedBy(3), blockedBy(4, 9), blockedBy(2, 3)));

        assertThat(roots).extracting(BlockingTreeTest::pids).containsExactly("3(2)", "9(4)");
    }

    @Test
    void aCycleAppearsOnceRootedAtItsLowestPidWithItsWaitersBelow() {
        // 11 and 12 wait for each other; 3 waits for 12 but is not part of the cycle.
        List<BlockingNode> roots = BlockingTree.of(List.of(blockedBy(12, 11), blockedBy(11, 12), blockedBy(3, 12)));

        assertThat(roots).extracting(BlockingTreeTest::pids).containsExactly("11(12(3))");
    }

    @Test
    void aSessionWhoseBlockerIsNotListedStandsAsARootSoThatItStillShows() {
        // pid 0 is how pg_blocking_pids reports a prepared transaction.
        List<BlockingNode> roots = BlockingTree.of(List.of(blockedBy(15, 0), blockedBy(16, 15)));

        assertThat(roots).extracting(BlockingTreeTest::pids).containsExactly("15(16)");
    }

    /** A tree as text: pid, then the waiting subtrees in parentheses. */
    private static String pids(BlockingNode node) {
        if (node.waiting().isEmpty()) {
            return Integer.toString(node.session().pid());
        }
        return node.session().pid() + "("
                + String.join(
                        ",", node.waiting().stream().map(BlockingTreeTest::pids).toList()) + ")";
    }
}
