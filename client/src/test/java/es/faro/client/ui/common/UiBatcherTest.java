package es.faro.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UiBatcherTest {
    @Test
    void aBurstBecomesOneUiCallbackWithEveryItemInOrder() {
        SameThreadTaskRunner tasks = new SameThreadTaskRunner();
        List<List<Integer>> batches = new ArrayList<>();
        UiBatcher<Integer> batcher = new UiBatcher<>(tasks, batches::add);
        for (int i = 0; i < 200; i++) {
            batcher.offer(i);
        }
        tasks.drain();
        assertThat(tasks.uiCallbacks()).isEqualTo(1);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(200).startsWith(0, 1, 2).endsWith(199);

        batcher.offer(200);
        tasks.drain();
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactly(200);
    }

    @Test
    void concurrentProducersLoseNothing() throws InterruptedException {
        SameThreadTaskRunner tasks = new SameThreadTaskRunner();
        List<Integer> seen = new ArrayList<>();
        UiBatcher<Integer> batcher = new UiBatcher<>(tasks, seen::addAll);
        Thread[] producers = new Thread[4];
        for (int p = 0; p < producers.length; p++) {
            int base = p * 1000;
            producers[p] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    batcher.offer(base + i);
                }
            });
            producers[p].start();
        }
        for (Thread t : producers) {
            t.join();
        }
        tasks.drain();
        assertThat(seen).hasSize(4000).doesNotHaveDuplicates();
        assertThat(tasks.uiCallbacks()).isLessThan(4000);
    }
}
