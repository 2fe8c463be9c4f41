package org.rapaio.jupyter.kernel.channels;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.IOPubStream;
import org.rapaio.org.zeromq.ZMQ;

/**
 * sweeplab's replacement for {@code Channels} of rapaio-jupyter-kernel 3.0.1, written for sweeplab
 * and loaded ahead of the original from the kernel-fix jar (see {@link LoopThread}). Same
 * constructor and public methods.
 *
 * <p>The defect it fixes: the original holds <em>one</em> current message id and <em>one</em> stack
 * of "after" actions for the shell and the control channel together. An {@code interrupt_request}
 * arrives on the control channel while a cell still runs on the shell channel: the control loop set
 * the shared id to the interrupt's, then ran every pending after-action, the running cell's
 * included (its idle status, its stream restore, and the clearing of the id). The interrupted cell
 * then sent its {@code execute_reply} with no parent (dropped by the client) and never an idle
 * status of its own, so a notebook showed it running forever.
 *
 * <p>Here each channel has its own scope (message id and after-actions): the control loop thread
 * (recognised by {@link LoopThread#isControlLoop()}) uses the control scope, and every other thread
 * (the shell loop, the thread that runs a cell, the threads a cell starts) uses the shell scope. A
 * control reply goes out on the control socket, where the request came from, not on the shell
 * socket.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class Channels {

  /** The message a channel is handling and what to do when it is handled. */
  private static final class Scope {
    private volatile MessageId<?> msgId;
    private final Deque<Runnable> after = new ArrayDeque<>();
  }

  private final ConnectionProperties connProps;
  private final ZMQ.Context ctx;
  private final HeartbeatChannel heartbeat;
  private final ShellChannel shell;
  private final ControlChannel control;
  private final StdinChannel stdin;
  private final IOPubChannel iopub;
  private final Set<AbstractChannel> channels;
  private final Scope shellScope = new Scope();
  private final Scope controlScope = new Scope();

  private Map<MessageType<?>, MessageHandler> handlers;
  private boolean isConnected = false;
  private volatile boolean requestShutdown = false;

  public Channels(ConnectionProperties connProps)
      throws NoSuchAlgorithmException, InvalidKeyException {
    this.connProps = connProps;
    ctx = ZMQ.context(1);
    HMACDigest hmacDigest = connProps.createHMACDigest();
    heartbeat = new HeartbeatChannel(this, ctx, hmacDigest);
    shell = new ShellChannel(this, ctx, hmacDigest, this);
    control = new ControlChannel(this, ctx, hmacDigest);
    stdin = new StdinChannel(this, ctx, hmacDigest);
    iopub = new IOPubChannel(this, ctx, hmacDigest);
    channels = Set.of(heartbeat, shell, control, stdin, iopub);
  }

  private Scope scope() {
    return LoopThread.isControlLoop() ? controlScope : shellScope;
  }

  public void connect(RapaioKernel kernel) {
    if (!isConnected) {
      channels.forEach(s -> s.bind(connProps));
      iopub.sendMessage(new Message<>(MessageType.IOPUB_STATUS, IOPubStatus.STARTING));
      kernel.registerChannels(this);

      handlers = new HashMap<>();
      handlers.put(MessageType.SHELL_EXECUTE_REQUEST, kernel::handleExecuteRequest);
      handlers.put(MessageType.SHELL_INSPECT_REQUEST, kernel::handleInspectRequest);
      handlers.put(MessageType.SHELL_COMPLETE_REQUEST, kernel::handleCompleteRequest);
      handlers.put(MessageType.SHELL_HISTORY_REQUEST, kernel::handleHistoryRequest);
      handlers.put(MessageType.SHELL_IS_COMPLETE_REQUEST, kernel::handleIsCompleteRequest);
      handlers.put(MessageType.SHELL_KERNEL_INFO_REQUEST, kernel::handleKernelInfoRequest);
      handlers.put(MessageType.CONTROL_SHUTDOWN_REQUEST, kernel::handleShutdownRequest);
      handlers.put(MessageType.CONTROL_INTERRUPT_REQUEST, kernel::handleInterruptRequest);
      handlers.put(MessageType.CUSTOM_COMM_OPEN, kernel::handleCommOpenCommand);
      handlers.put(MessageType.CUSTOM_COMM_MSG, kernel::handleCommMsgCommand);
      handlers.put(MessageType.CUSTOM_COMM_CLOSE, kernel::handleCommCloseCommand);
      handlers.put(MessageType.SHELL_COMM_INFO_REQUEST, kernel::handleCommInfoRequest);
      isConnected = true;
    }
  }

  public <T> MessageHandler<T> getHandler(MessageType<T> type) {
    return handlers.get(type);
  }

  public void close() {
    channels.forEach(AbstractChannel::close);
    ctx.close();
  }

  public void joinUntilClose() {
    channels.forEach(AbstractChannel::joinUntilClose);
  }

  public boolean hasMsgId() {
    return scope().msgId != null;
  }

  public void setMsgId(MessageId<?> msgId) {
    scope().msgId = msgId;
  }

  public void freeMsgId() {
    scope().msgId = null;
  }

  public void markForShutdown() {
    requestShutdown = true;
  }

  public boolean isMarkedForShutdown() {
    return requestShutdown;
  }

  public void writeToStdOut(String msg) {
    publish(new IOPubStream(IOPubStream.StreamName.OUT, msg));
  }

  public void writeToStdErr(String msg) {
    publish(new IOPubStream(IOPubStream.StreamName.ERR, msg));
  }

  public String readFromStdIn() {
    return stdin.getInput(shellScope.msgId, "", false);
  }

  public <T extends ContentType<T>> void publish(T content) {
    iopub.sendMessage(new Message<>(scope().msgId, content.type(), content));
  }

  /** Replies on the socket of the channel whose request this thread handles. */
  public <T extends ContentType<T>> void reply(T content) {
    Scope s = scope();
    replySocket(s).sendMessage(new Message<>(s.msgId, content.type(), content));
  }

  public void replyError(MessageType<?> type, ErrorReply error) {
    Scope s = scope();
    replySocket(s).sendMessage(new Message(s.msgId, type, error));
  }

  private AbstractChannel replySocket(Scope s) {
    return s == controlScope ? control : shell;
  }

  public void scheduleAfter(Runnable action) {
    Scope s = scope();
    synchronized (s.after) {
      s.after.push(action);
    }
  }

  /** Runs this channel's after-actions, last scheduled first; never another channel's. */
  public void runAfterActions() {
    Scope s = scope();
    while (true) {
      Runnable next;
      synchronized (s.after) {
        next = s.after.poll();
      }
      if (next == null) {
        return;
      }
      next.run();
    }
  }

  public void busyThenIdle() {
    publish(IOPubStatus.BUSY);
    scheduleAfter(() -> publish(IOPubStatus.IDLE));
  }
}
