// The kept side thread: a mutex-guarded single slot; the slot is freed
// before the caller is told the work is done, so a caller that starts
// another job right after finds the thread free.
#include "common/side_thread.h"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace nocode {
namespace {

class KeptThread {
 public:
  // The process-wide instance, nullptr when its thread could not start.
  // Never destroyed: its thread runs until the process ends.
  static KeptThread* instance() {
    static KeptThread* const kept = start();
    return kept;
  }

  // Takes `work` when idle; nullopt when busy.
  std::optional<std::future<void>> offer(std::function<void()>& work) {
    std::unique_lock lock(mutex_);
    if (busy_) return std::nullopt;
    busy_ = true;
    work_ = std::move(work);
    done_ = std::promise<void>();
    std::future<void> f = done_.get_future();
    lock.unlock();
    wake_.notify_one();
    return f;
  }

 private:
  static KeptThread* start() {
    auto* t = new KeptThread;
    try {
      std::thread([t] { t->loop(); }).detach();
    } catch (const std::system_error&) {
      delete t;
      return nullptr;
    }
    return t;
  }

  void loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return static_cast<bool>(work_); });
      std::function<void()> work = std::move(work_);
      work_ = nullptr;
      lock.unlock();
      std::exception_ptr failure;
      try {
        work();
      } catch (...) {
        failure = std::current_exception();
      }
      lock.lock();
      busy_ = false;
      std::promise<void> done = std::move(done_);
      lock.unlock();
      if (failure) done.set_exception(failure);
      else done.set_value();
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::function<void()> work_;
  std::promise<void> done_;
  bool busy_ = false;
};

}  // namespace

std::optional<SideJob> SideJob::start(std::function<void()> work) {
  if (KeptThread* kept = KeptThread::instance())
    if (std::optional<std::future<void>> f = kept->offer(work)) return SideJob(std::move(*f));
  try {
    return SideJob(std::async(std::launch::async, std::move(work)));
  } catch (const std::system_error&) {
    return std::nullopt;
  }
}

SideJob& SideJob::operator=(SideJob&& other) {
  if (done_.valid()) done_.wait();
  done_ = std::move(other.done_);
  return *this;
}

SideJob::~SideJob() {
  if (done_.valid()) done_.wait();
}

void SideJob::get() { done_.get(); }

}  // namespace nocode
