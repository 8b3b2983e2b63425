package org.hao.dsl.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hao.engine.search.CancelToken;

/**
 * Ctrl-C (SIGINT, or SIGTERM) while a command searches or writes results: the JVM runs its shutdown hooks, and this
 * one cancels the engine's token and then holds the exit until the command has stopped (at most {@link #GRACE_MS}),
 * so the command can skip or finish its atomic writes and no half-written temp file is left behind.
 *
 * <p>Usage: {@code try (CancelOnShutdown guard = CancelOnShutdown.install(token)) { search; write; }}.
 */
public final class CancelOnShutdown implements AutoCloseable {
	/** How long the exit waits for the command (a cancelled search stops within about a second). */
	public static final long GRACE_MS = 5_000;

	/** Where hooks go; the JVM's Runtime, or a test's stand-in that runs the hook itself. */
	public interface Hooks {
		void add(Thread hook);

		void remove(Thread hook);
	}

	private static final Hooks RUNTIME = new Hooks() {
		@Override
		public void add(Thread hook) {
			Runtime.getRuntime().addShutdownHook(hook);
		}

		@Override
		public void remove(Thread hook) {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException shuttingDown) {
				// the hook is running or ran: nothing to remove
			}
		}
	};

	private static volatile Hooks hooks = RUNTIME;

	private final CancelToken token;
	private final CountDownLatch stopped = new CountDownLatch(1);
	private final Thread hook;
	private final Hooks registry;

	private CancelOnShutdown(CancelToken token, Hooks registry) {
		this.token = token;
		this.registry = registry;
		this.hook = new Thread(this::onShutdown, "hao-cancel-on-shutdown");
	}

	/** Cancels {@code token} when the JVM is asked to stop, until {@link #close()}. */
	public static CancelOnShutdown install(CancelToken token) {
		CancelOnShutdown guard = new CancelOnShutdown(token, hooks);
		guard.registry.add(guard.hook);
		return guard;
	}

	/** Replaces where hooks are registered (tests run the hook in-process); returns the previous one. */
	public static Hooks useHooks(Hooks replacement) {
		Hooks previous = hooks;
		hooks = replacement == null ? RUNTIME : replacement;
		return previous;
	}

	private void onShutdown() {
		token.cancel();
		try {
			stopped.await(GRACE_MS, TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The command is done with the engine and its files: the exit need not wait any more. */
	@Override
	public void close() {
		stopped.countDown();
		registry.remove(hook);
	}
}
