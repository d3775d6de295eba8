package io.tightbeam.executor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.ExecutorService;

/**
 * Binds a listener to the result thread: every call, from whatever thread, is queued and made on
 * that one thread in call order, so listeners need no locks.
 */
final class ResultThreadListener {
  private ResultThreadListener() {}

  static RunListener bind(RunListener delegate, ExecutorService resultThread) {
    return (RunListener) Proxy.newProxyInstance(
        RunListener.class.getClassLoader(),
        new Class<?>[] {RunListener.class},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(delegate, args);
          }
          resultThread.execute(() -> {
            try {
              method.invoke(delegate, args);
            } catch (IllegalAccessException e) {
              throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
              throw new IllegalStateException("output failed in " + method.getName(), e.getCause());
            }
          });
          return null;
        });
  }
}
