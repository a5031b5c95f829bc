from celery import Celery

app = Celery("worker", broker="redis://redis:6379/0")


@app.task
def send_confirmation(order_id: int) -> None:
    print(f"confirmation sent for order {order_id}")
