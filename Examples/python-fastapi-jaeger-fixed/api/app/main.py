from fastapi import FastAPI

app = FastAPI()


@app.get("/orders/{order_id}")
def read_order(order_id: int) -> dict:
    return {"order_id": order_id, "status": "shipped"}
